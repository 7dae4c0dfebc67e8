# expect: eval-or-shell-injection@7, eval-or-shell-injection@11, eval-or-shell-injection@15
import os
import subprocess


def backup_database(name, target_dir):
    os.system(f"pg_dump {name} > {target_dir}/{name}.sql")


def archive(path):
    return subprocess.check_output("tar -czf /tmp/archive.tgz " + path, shell=True)


def calculate(expression):
    return eval(expression)
