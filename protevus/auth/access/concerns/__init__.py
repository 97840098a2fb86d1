"""Mixins and helpers of the authorization gate (Laravel: parts of ``Illuminate\\Auth\\Access\\Gate``)."""
