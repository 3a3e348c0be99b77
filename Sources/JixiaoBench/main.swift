print("jixiao-bench")
