import DinhCLI

await DinhCommand.main(arguments: nil)
