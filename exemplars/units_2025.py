"""The 2025 reform for the demo's units, each change with the act that made it.

- Province: Kon Tum and Quảng Ngãi merged into Quảng Ngãi from 1 July 2025 (Resolution
  202/2025/QH15 of the National Assembly, 12 June 2025).
- Districts: the district level ended on 1 July 2025 (Law on the Organisation of Local
  Government 72/2025/QH15; Resolution 76/2025/UBTVQH15 of 14 April 2025). A district's area
  went to several new communes: one unit into many.
- Communes: Resolution 1677/NQ-UBTVQH15 of 16 June 2025 arranged Quảng Ngãi's commune-level
  units; the former city of Kon Tum's 21 wards and communes became six (phường Kon Tum,
  Đăk Cấm, Đăk Bla; xã Ngọk Bay, Ia Chim, Đăk Rơ Wa). Only units the demo uses are listed;
  the others keep their old names and show under the province that took over.
"""

from datetime import date

REFORM_DAY = date(2025, 7, 1)
LAST_DAY = date(2025, 6, 30)
PROVINCE_ACT = "Nghị quyết 202/2025/QH15 ngày 12/6/2025 của Quốc hội"
DISTRICT_ACT = "Luật Tổ chức chính quyền địa phương số 72/2025/QH15; Nghị quyết 76/2025/UBTVQH15"
COMMUNE_ACT = "Nghị quyết 1677/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội"

NEW_PROVINCE = "tỉnh Quảng Ngãi"
# New commune-level units of tỉnh Quảng Ngãi (from 1 July 2025) formed from the former city.
NEW_UNITS = [
    "phường Kon Tum",
    "phường Đăk Cấm",
    "phường Đăk Bla",
    "xã Ngọk Bay",
    "xã Ia Chim",
    "xã Đăk Rơ Wa",
]
# (former district, former commune) → new unit: a merger (with units the demo does not list).
COMMUNE_MERGERS = {
    ("thành phố Kon Tum", "phường Quyết Thắng"): "phường Kon Tum",
    ("thành phố Kon Tum", "xã Đăk Blà"): "phường Đăk Bla",
    ("thành phố Kon Tum", "xã Ia Chim"): "xã Ia Chim",
    ("thành phố Kon Tum", "xã Ngọk Bay"): "xã Ngọk Bay",
}
# A former district-level unit whose area went to several new units: a split.
DISTRICT_SPLITS = {"thành phố Kon Tum": NEW_UNITS}


def ensure_reform(province, districts, communes, place_model, succession_model):
    """Create the new units and the successions (idempotent); returns the new units by name."""
    new_province, _created = place_model.objects.get_or_create(
        name=NEW_PROVINCE, parent=None, defaults={"level": "province", "valid_from": REFORM_DAY}
    )

    def succeed(old, new, kind, act):
        succession_model.objects.get_or_create(
            predecessor=old,
            successor=new,
            defaults={"kind": kind, "date": REFORM_DAY, "act": act},
        )

    succeed(province, new_province, "merge", PROVINCE_ACT)
    new_units = {}
    for name in NEW_UNITS:
        new_units[name], _created = place_model.objects.get_or_create(
            name=name,
            parent=new_province,
            defaults={"level": "commune", "valid_from": REFORM_DAY},
        )
    for (district_name, commune_name), new_name in COMMUNE_MERGERS.items():
        commune = communes.get((district_name, commune_name))
        if commune is not None:
            succeed(commune, new_units[new_name], "merge", COMMUNE_ACT)
    for district_name, new_names in DISTRICT_SPLITS.items():
        district = districts.get(district_name)
        for new_name in new_names:
            if district is not None:
                succeed(district, new_units[new_name], "abolish", DISTRICT_ACT)
    return new_units
