import WeanCLI

WeanCommand.main()
