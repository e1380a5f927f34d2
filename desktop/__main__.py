"""``python -m banmian`` is the ``banmian`` command."""
import sys

from banmian.cli import main

sys.exit(main())
