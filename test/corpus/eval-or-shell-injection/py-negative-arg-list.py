# expect: none
import ast
import subprocess


def backup_database(name, target_dir):
    subprocess.run(["pg_dump", "--file", f"{target_dir}/{name}.sql", name], check=True)


def parse_literal(text):
    return ast.literal_eval(text)


def disk_usage():
    return subprocess.check_output("df -h /", shell=True)
