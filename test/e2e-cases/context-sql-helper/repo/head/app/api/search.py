from fastapi import APIRouter

from app.db.users import find_users_by_name

router = APIRouter()


@router.get("/search")
def search(q: str):
    return {"users": find_users_by_name(q)}
