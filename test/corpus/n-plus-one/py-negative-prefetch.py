# expect: none
from django.http import JsonResponse
from .models import Book


def books_with_authors(request):
    books = Book.objects.select_related("author").filter(published=True)[:100]
    data = []
    for book in books:
        meta = request.GET.get("fields", "")
        data.append({"title": book.title, "author": book.author.name, "fields": meta})
    return JsonResponse({"books": data})
