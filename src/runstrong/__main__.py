from runstrong.cli import main

raise SystemExit(main())
