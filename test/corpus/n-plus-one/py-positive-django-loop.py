# expect: n-plus-one@10
from django.http import JsonResponse
from .models import Book, Author


def books_with_authors(request):
    books = Book.objects.filter(published=True)[:100]
    data = []
    for book in books:
        author = Author.objects.get(pk=book.author_id)
        data.append({"title": book.title, "author": author.name})
    return JsonResponse({"books": data})
