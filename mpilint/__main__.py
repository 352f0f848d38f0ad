from mpilint.cli import main

raise SystemExit(main())
