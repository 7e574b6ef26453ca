"""Reading numbers from query strings and forms: ASCII digits only, bounded.

`'²'.isdigit()` is True and `int('²')` fails; `int('٣')` is 3 and `int('1_0')` is 10;
`99999999999999999999` overflows a database integer. Every view and template tag that reads
a number from a request goes through `int_param`, so none of these reach a query.
"""

import re

_DIGITS = re.compile(r"[0-9]{1,18}")
MAX_ID = 2**63 - 1  # the largest value a bigint column holds


def int_param(value, default=None, minimum=0, maximum=MAX_ID):
    """`value` as an int when it is plain ASCII digits within [minimum, maximum], else
    `default`."""
    if value is None:
        return default
    value = str(value).strip()
    if not _DIGITS.fullmatch(value):
        return default
    number = int(value)
    if number < minimum or number > maximum:
        return default
    return number


def int_list(values, minimum=1, maximum=MAX_ID):
    """The valid integers of a list of parameters (e.g. `getlist("id")`), others dropped."""
    numbers = (int_param(value, None, minimum, maximum) for value in values)
    return [number for number in numbers if number is not None]
