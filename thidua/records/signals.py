"""What the records app announces to the apps above it, which it must not import."""

from __future__ import annotations

from django.dispatch import Signal

# Sent inside the transaction that enters awards received before the system (legacy records)
# with ``awards``, a queryset of the new ``AwardRecord`` rows: the statistics append their
# counts, as for a signed decision.
awards_entered = Signal()

# Sent inside the transaction that edits or removes entered awards (no arguments): what the
# summaries counted changed, they are recounted.
awards_changed = Signal()
