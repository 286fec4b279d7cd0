"""Prints one line naming NumPy's version and the BLAS it calls: library,
version, kernel (OpenBLAS's core type) and thread count; with --threads, only
the thread count."""
import sys

import numpy as np
from threadpoolctl import threadpool_info

for pool in threadpool_info():
    if pool["user_api"] == "blas":
        if "--threads" in sys.argv:
            print(pool["num_threads"])
        else:
            print(f"NumPy {np.__version__}, {pool['internal_api']} {pool['version']}, "
                  f"kernel {pool.get('architecture', 'unknown')}, {pool['num_threads']} thread(s)")
        break
else:
    print(1 if "--threads" in sys.argv else f"NumPy {np.__version__}, no BLAS found by threadpoolctl")
