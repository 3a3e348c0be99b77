import JixiaoCLI
