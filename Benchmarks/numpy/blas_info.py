"""Prints one line naming NumPy's version and the BLAS it calls: library,
version, kernel (OpenBLAS's core type) and thread count."""
import numpy as np
from threadpoolctl import threadpool_info

for pool in threadpool_info():
    if pool["user_api"] == "blas":
        print(f"NumPy {np.__version__}, {pool['internal_api']} {pool['version']}, "
              f"kernel {pool.get('architecture', 'unknown')}, {pool['num_threads']} thread(s)")
        break
else:
    print(f"NumPy {np.__version__}, no BLAS found by threadpoolctl")
