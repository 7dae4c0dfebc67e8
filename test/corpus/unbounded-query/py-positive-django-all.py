# expect: unbounded-query@7
from django.http import JsonResponse
from .models import Customer


def customer_list(request):
    customers = Customer.objects.all()
    return JsonResponse({"customers": [c.as_dict() for c in customers]})
