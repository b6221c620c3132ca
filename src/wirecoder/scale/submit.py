"""The script to hand spark-submit: `spark-submit [options] <this file> --input ... --output ...`.

spark-submit runs its file as a script, where relative imports fail, so this file imports the
job by its absolute name and does nothing else. `python -m wirecoder.scale.submit` works too.
"""

import sys

from wirecoder.scale.spark import main

if __name__ == "__main__":
    sys.exit(main())
