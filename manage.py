#!/usr/bin/env python
from thidua.__main__ import main

if __name__ == "__main__":
    main()
