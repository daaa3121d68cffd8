"""WTForms for the console's small forms; each label is the words a person sees."""
from flask_wtf import FlaskForm
from wtforms import (BooleanField, DateTimeLocalField, EmailField, PasswordField, SelectChoice, SelectField,
                     StringField, TextAreaField)
from wtforms.validators import DataRequired, Length, Optional

from nlp.context import ACCOUNTS, SURFACES


class SignInForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired("Enter your email address."), Length(max=254)],
                       render_kw={"autocomplete": "username", "autofocus": True})
    password = PasswordField("Password", validators=[DataRequired("Enter your password."), Length(max=1024)],
                             render_kw={"autocomplete": "current-password"})


class PupilForm(FlaskForm):
    first_name = StringField("First name", validators=[DataRequired("A pupil needs a first name."), Length(max=100)])
    last_name = StringField("Surname", validators=[DataRequired("A pupil needs a surname."), Length(max=100)])
    preferred_name = StringField("Preferred first name", validators=[Optional(), Length(max=100)])
    year = StringField("Year", validators=[Optional(), Length(max=20)])
    form = StringField("Form or registration group", validators=[Optional(), Length(max=40)])
    aliases = TextAreaField("Nicknames and other names", validators=[Optional(), Length(max=2000)],
                            render_kw={"rows": 3})


class StaffForm(FlaskForm):
    title = StringField("Title", validators=[Optional(), Length(max=30)])
    first_name = StringField("First name", validators=[Optional(), Length(max=100)])
    last_name = StringField("Surname", validators=[DataRequired("A member of staff needs a surname."), Length(max=100)])


class SchoolTermForm(FlaskForm):
    term = StringField("Name", validators=[DataRequired("Enter the name, nickname, place or hashtag."), Length(max=200)])
    # A free label (contract: school, alias, place, hashtag, group…); suggested, never restricted.
    kind = StringField("Kind", default="school", validators=[Optional(), Length(max=50)],
                       render_kw={"list": "term-kinds", "autocomplete": "off"})
    KIND_SUGGESTIONS = ("school", "alias", "place", "hashtag", "group", "trust")


class TokenForm(FlaskForm):
    label = StringField("Label", validators=[DataRequired("Give the token a label, e.g. the person's name."),
                                             Length(max=100)])


class TryPostForm(FlaskForm):
    text = TextAreaField("Post to check", validators=[DataRequired("Write the post to check."), Length(max=50_000)],
                         render_kw={"rows": 5, "spellcheck": "true"})
    surface = SelectField("Where", choices=[SelectChoice(s, {"post": "a post", "reply": "a reply", "comment": "a comment",
                                                             "message": "a private message"}[s]) for s in SURFACES],
                          default="post")
    account = SelectField("Account", choices=[SelectChoice(a, {"personal": "a personal account",
                                                              "school": "a school account"}[a]) for a in ACCOUNTS],
                          default="personal")
    has_media = BooleanField("With a photo or video")
    local_time = DateTimeLocalField("Date and time posted", validators=[Optional()], format="%Y-%m-%dT%H:%M")

    def has_context(self) -> bool:
        return (self.surface.data not in (None, "post") or self.account.data not in (None, "personal")
                or bool(self.has_media.data) or bool(self.local_time.data))
