# expect: sql-string-building@7
from .models import Article


def search_articles(query, author):
    return Article.objects.raw(
        "SELECT * FROM blog_article WHERE title LIKE '%%" + query + "%%' AND author_id = " + str(author)
    )
