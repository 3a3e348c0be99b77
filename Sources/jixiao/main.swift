import Foundation
import JixiaoCLI

exit(Jixiao.main(Array(CommandLine.arguments.dropFirst())))
