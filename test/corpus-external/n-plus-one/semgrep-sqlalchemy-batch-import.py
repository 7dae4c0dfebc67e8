# source: semgrep/semgrep-rules@157ae4706d7f:python/sqlalchemy/performance/performance-improvements.py#L1-L3 licence: LicenseRef-LGPL-2.1-only-with-Commons-Clause
# expect: n-plus-one@4
for song in songs:
    db.session.add(song)
