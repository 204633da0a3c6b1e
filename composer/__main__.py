"""`python -m composer`: the same as the `composer` command."""

from composer.cli import main

raise SystemExit(main())
