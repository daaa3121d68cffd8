"""The one error for a value that cannot be used, naming where it was (settings, context, configuration)."""


class FieldError(ValueError):
    """`field` names the value at fault (a dotted path, or a variable); the message starts with it."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
