"""The Eloquent ORM: models, their builder, relations, casts and factories (Laravel: ``Illuminate\\Database\\Eloquent``)."""
