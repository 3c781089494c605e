"""The app gunicorn serves in the benchmark: Byline with the hello-world route
added, on the database named by ``BYLINE_BENCH_DATABASE``.

    BYLINE_BENCH_DATABASE=sqlite:////tmp/bench.sqlite3 gunicorn -w 2 bench.wsgi:app
"""

from __future__ import annotations

import os

from bench.sample import bench_app
from wizard.warm import ready_for_traffic

app = bench_app(os.environ["BYLINE_BENCH_DATABASE"])
ready_for_traffic(app)  # as deploy/gunicorn.conf.py does for each worker
