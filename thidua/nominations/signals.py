"""What nominations tells the apps above it, without knowing them."""

from __future__ import annotations

from django.dispatch import Signal

# Sent with ``dossier_ids`` by every service that creates a dossier, moves it through its
# workflow, or adds, removes or appraises candidates, inside the service's transaction: a
# receiver that writes (the statistics' tallies) commits or rolls back with the change.
dossiers_changed = Signal()
