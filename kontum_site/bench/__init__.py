"""`make bench`: a large dataset, a production server, load, and a table of figures.

- dataset.py builds the dataset through settings.BENCH_DATASET_STEPS (one step per app, each
  `build(context)` bulk-inserts its rows and returns the URLs to measure).
- load.py drives load with wrk (Debian) or a Python load generator.
- the command `manage.py bench` ties them together (see its --help).
"""
