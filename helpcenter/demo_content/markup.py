"""Builders of StreamField raw data for the demo articles' bodies."""


def text(html):
    return {"type": "text", "value": html}


def callout(kind, title, html):
    return {"type": "callout", "value": {"kind": kind, "title": title, "text": html}}


def steps(*items):
    return {
        "type": "steps",
        "value": {"steps": [{"title": title, "text": html} for title, html in items]},
    }


def questions(*items):
    return {
        "type": "questions",
        "value": {"questions": [{"question": q, "answer": a} for q, a in items]},
    }


def code(language, source):
    return {"type": "code", "value": {"language": language, "code": source}}
