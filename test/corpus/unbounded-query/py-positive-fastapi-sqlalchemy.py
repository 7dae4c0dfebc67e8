# expect: unbounded-query@13
from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app.db import get_session
from app.models import Event

router = APIRouter()


@router.get("/events")
def list_events(session: Session = Depends(get_session)):
    return session.query(Event).order_by(Event.created_at.desc()).all()
