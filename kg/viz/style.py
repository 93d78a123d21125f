"""How the graph is drawn: PLOVER quad classes of relations, colours and shapes.

This is the one place the quad class of a relation is decided. It follows the
CAMEO root codes listed in ONTOLOGY.md with the usual CAMEO quad-class bands
(01-05 verbal cooperation, 06-08 material cooperation, 09-13 verbal conflict,
14-20 material conflict); standing relations are a class of their own.

``requests`` spans CAMEO 02 (APPEAL, verbal cooperation) and 10 (DEMAND, verbal
conflict). Most requests in news copy are appeals ("urged", "called on",
"invited"), so it is counted as verbal cooperation.

    >>> QUAD_CLASS["supplies"], QUAD_CLASS["requests"], QUAD_CLASS["leaderOf"]
    ('material_cooperation', 'verbal_cooperation', 'standing')
    >>> QUAD_LABELS[QUAD_CLASS["attacks"]]
    'material conflict'
"""

from __future__ import annotations

from kg.vocab import ENTITY_CLASSES, EVENT_RELATIONS, RELATIONS, STANDING_RELATIONS

#: Quad classes in display order, with a readable label and an edge colour.
QUAD_LABELS: dict[str, str] = {
    "verbal_cooperation": "verbal cooperation",
    "material_cooperation": "material cooperation",
    "verbal_conflict": "verbal conflict",
    "material_conflict": "material conflict",
    "standing": "standing relation",
}
#: CAMEO QuadClass numbers (GDELT's QuadClass column); standing relations have none.
QUAD_NUMBER: dict[str, int | None] = {
    "verbal_cooperation": 1,
    "material_cooperation": 2,
    "verbal_conflict": 3,
    "material_conflict": 4,
    "standing": None,
}
QUAD_COLORS: dict[str, str] = {
    "verbal_cooperation": "#6cbf5a",
    "material_cooperation": "#1b7a3a",
    "verbal_conflict": "#f0a030",
    "material_conflict": "#d62728",
    "standing": "#8a8a8a",
}

_EVENT_QUAD = {
    "agreesWith": "verbal_cooperation",  # CAMEO 03
    "consultsWith": "verbal_cooperation",  # 04
    "supports": "verbal_cooperation",  # 05
    "requests": "verbal_cooperation",  # 02 (and 10, see the module docstring)
    "cooperatesWith": "material_cooperation",  # 06
    "supplies": "material_cooperation",  # 07
    "concedesTo": "material_cooperation",  # 08 (081-083)
    "withdrawsFrom": "material_cooperation",  # 08 (084-087)
    "accuses": "verbal_conflict",  # 09, 11
    "rejects": "verbal_conflict",  # 12
    "threatens": "verbal_conflict",  # 13
    "protestsAgainst": "material_conflict",  # 14
    "mobilizesAgainst": "material_conflict",  # 15
    "sanctions": "material_conflict",  # 16
    "coerces": "material_conflict",  # 17
    "attacks": "material_conflict",  # 18, 19, 20
}
assert set(_EVENT_QUAD) == set(EVENT_RELATIONS)

#: Relation local name -> quad class key.
QUAD_CLASS: dict[str, str] = {**_EVENT_QUAD, **{r: "standing" for r in STANDING_RELATIONS}}

#: Entity class -> (fill colour, vis-network shape).
CLASS_STYLE: dict[str, tuple[str, str]] = {
    "Person": ("#4e79a7", "dot"),
    "Country": ("#b07aa1", "diamond"),
    "Organization": ("#59a5a0", "square"),
    "ArmedGroup": ("#3b3b3b", "triangle"),
    "Group": ("#f28e2b", "triangleDown"),
    "Location": ("#e3b505", "star"),
}
assert set(CLASS_STYLE) == set(ENTITY_CLASSES)
UNKNOWN_STYLE = ("#bbbbbb", "dot")


def quad_class(relation: str) -> str:
    """The quad class of a relation local name (``ValueError`` for unknown names).

    >>> quad_class("threatens")
    'verbal_conflict'
    """
    try:
        return QUAD_CLASS[relation]
    except KeyError:
        raise ValueError(f"unknown relation {relation!r}; known: {', '.join(RELATIONS)}") from None


def legend() -> dict:
    """Everything a page needs to draw the legend and the filters (JSON-ready)."""
    return {
        "classes": [{"name": c, "color": CLASS_STYLE[c][0], "shape": CLASS_STYLE[c][1]} for c in ENTITY_CLASSES],
        "quads": [{"key": k, "label": v, "color": QUAD_COLORS[k]} for k, v in QUAD_LABELS.items()],
        "relations": [{"name": r, "quad": QUAD_CLASS[r]} for r in RELATIONS],
    }
