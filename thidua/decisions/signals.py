"""What the decisions app announces to the apps above it, which it must not import."""

from __future__ import annotations

from django.dispatch import Signal

# Sent inside the transaction that writes awards into the history (a decision signed, or a
# higher authority's decision recorded), with ``decision`` and ``awards`` (a queryset of the
# new ``AwardRecord`` rows). The statistics append their counts from it.
awards_recorded = Signal()

# Sent inside the transaction that signs a revoking decision, with ``decision`` (the revoking
# one) and ``awards`` (a queryset of the ``AwardRecord`` rows just marked revoked). The
# statistics recount the groups these awards were counted in.
awards_revoked = Signal()
