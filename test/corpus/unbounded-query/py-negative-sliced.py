# expect: none
from django.http import JsonResponse
from .models import Customer


def customer_list(request):
    page = int(request.GET.get("page", 1))
    customers = Customer.objects.all().order_by("id")[(page - 1) * 50 : page * 50]
    total = Customer.objects.all().count()
    return JsonResponse({"customers": [c.as_dict() for c in customers], "total": total})
