from kennisnetwerk.manage import main

main()
