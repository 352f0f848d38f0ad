import sys

from mpilint.cli import main

sys.exit(main())
