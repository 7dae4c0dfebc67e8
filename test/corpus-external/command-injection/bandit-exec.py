# source: PyCQA/bandit@92080542688902ad1eb6af74cf16939fad767d29:examples/exec.py licence: Apache-2.0 (expected count: tests/functional/test_functional.py)
# expect: eval-or-shell-injection@3
exec("do evil")
