"""What other apps do with an imported order. Monitoring sets the district's campaign schedule from a clause that
says when monitoring happens (seed 003 п.8); roadmaps knows nothing of it (the one direction of dependency).
Receivers get `order` and `parsed` and may return a sentence for the user, shown after the import."""

from django.dispatch import Signal

order_imported = Signal()
