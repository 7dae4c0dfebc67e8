# expect: sql-string-building@8
from django.db import connection
from django.http import JsonResponse


def product_detail(request, slug):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, name, price FROM shop_product WHERE slug = '{slug}'")
        row = cursor.fetchone()
    return JsonResponse({"id": row[0], "name": row[1], "price": str(row[2])})
