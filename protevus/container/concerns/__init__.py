"""The mixins ``Container`` is composed of (Laravel keeps these in one class)."""
