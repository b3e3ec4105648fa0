"""Russian wording the interface needs in more than one place: the plural of a noun after a number."""


def plural(number: int, one: str, few: str, many: str) -> str:
    """«1 организация», «3 организации», «11 организаций»: the form of the noun a number takes."""
    number = abs(int(number))
    if number % 10 == 1 and number % 100 != 11:
        return one
    if 2 <= number % 10 <= 4 and not 12 <= number % 100 <= 14:
        return few
    return many


def counted(number: int, one: str, few: str, many: str) -> str:
    """The number and its noun: counted(21, "балл", "балла", "баллов") → «21 балл»."""
    return f"{number} {plural(number, one, few, many)}"
