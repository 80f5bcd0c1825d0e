from __future__ import annotations

import json

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from thidua.campaigns.models import Campaign, CampaignStatus
from thidua.core.listing import list_page
from thidua.core.text import ascii_key
from thidua.org.models import Person, Unit

from . import policy, public, services, story_choices
from .models import Story, StoryKind, StoryPhoto, StoryStatus


def _page_number(request) -> int:
    value = request.GET.get("trang", "")
    return max(1, int(value)) if value.isdigit() else 1


def _numbered(request, fetch, most: int, per_page: int = public.PAGE):
    """A page of rows from ``fetch(offset, limit) -> (total, rows)``, which counts as it reads;
    pages end at ``most`` rows."""
    number = _page_number(request)
    total, rows = fetch((number - 1) * per_page, per_page)
    page = Paginator(range(min(total, most)), per_page).get_page(number)
    if page.number != number:  # past the end: show the last page
        total, rows = fetch((page.number - 1) * per_page, per_page)
    return page, rows, total


# --- public portal (no login) ----------------------------------------------------------------


def portal_home(request):
    return render(
        request,
        "portal/home.html",
        {
            "campaigns": Campaign.objects.filter(
                status__in=[CampaignStatus.LAUNCHED, CampaignStatus.CLOSED]
            )
            .select_related("issuer")
            .order_by("-period_start")[:10],
            "stories": Story.objects.filter(status=StoryStatus.PUBLISHED)[:6],
            "decisions": [public.public_decision(r) for r in public.signed_decisions()[:5]],
        },
    )


def award_search(request):
    """Signed decisions, newest first; with a name, the awarded people and collectives found."""
    q = request.GET.get("q", "").strip()[:100]
    campaign_id = request.GET.get("dot", "")
    campaign = int(campaign_id) if campaign_id.isdigit() else None
    context = {
        "q": q,
        "campaign_id": campaign_id,
        "campaigns": public.signed_campaigns(),
    }
    if q:
        page, rows, total = _numbered(
            request, lambda o, n: public.search_awards(q, campaign, o, n), public.SEARCH_LIMIT
        )
        more = total > public.SEARCH_LIMIT
        return render(
            request, "portal/awards.html", {**context, "page": page, "rows": rows, "more": more}
        )
    page, decisions, _total = _numbered(
        request, lambda o, n: public.decisions_page(campaign, o, n), 10**9, per_page=20
    )
    return render(request, "portal/awards.html", {**context, "page": page, "decisions": decisions})


def decision_public(request, pk: int):
    number = _page_number(request)
    decision, rows = public.decision_page(pk, (number - 1) * public.PAGE, public.PAGE)
    if decision is None:
        raise Http404("Không tìm thấy quyết định.")
    page = Paginator(range(decision.awarded), public.PAGE).get_page(number)
    if page.number != number:  # past the end: show the last page
        decision, rows = public.decision_page(pk, (page.number - 1) * public.PAGE, public.PAGE)
    return render(
        request, "portal/decision.html", {"decision": decision, "page": page, "rows": rows}
    )


def story_list(request):
    q = request.GET.get("q", "").strip()[:100]
    stories = Story.objects.filter(status=StoryStatus.PUBLISHED)
    if q:
        stories = stories.filter(search_text__contains=ascii_key(q))
    page = Paginator(stories, 20).get_page(request.GET.get("trang"))
    return render(request, "portal/stories.html", {"q": q, "page": page})


def story_public(request, pk: int):
    story = (
        Story.objects.filter(pk=pk, status=StoryStatus.PUBLISHED)
        .select_related("unit", "campaign")
        .first()
    )
    if story is None:
        raise Http404("Không tìm thấy bài viết.")
    return render(request, "portal/story.html", {"story": story, "photos": story.photos.all()})


def photo(request, pk: int):
    item = StoryPhoto.objects.select_related("story").filter(pk=pk).first()
    if item is None:
        raise Http404("Không tìm thấy ảnh.")
    story = item.story
    staff = request.user.is_authenticated and (
        policy.can_write(request.user, story) or policy.can_publish(request.user, story)
    )
    if story.status != StoryStatus.PUBLISHED and not staff:
        raise Http404("Không tìm thấy ảnh.")
    content_type = "image/png" if item.kind == "png" else "image/jpeg"
    return FileResponse(item.image.open("rb"), content_type=content_type)


# --- the media centre and Phòng Nội vụ -----------------------------------------------------------


class StoryForm(forms.Form):
    kind = forms.ChoiceField(label="Loại", choices=StoryKind.choices)
    title = forms.CharField(label="Tiêu đề", max_length=300)
    summary = forms.CharField(
        label="Tóm tắt", max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    body = forms.CharField(
        label="Nội dung",
        widget=forms.Textarea(attrs={"rows": 12, "data-rich-text": "1"}),
        help_text="Đoạn văn, chữ đậm, danh sách, liên kết và ảnh của chính bài viết (tải ảnh "
        "lên ở trang bài viết rồi chèn vào đây).",
    )
    unit = forms.ModelChoiceField(label="Tập thể", queryset=Unit.objects.none(), required=False)
    campaign = forms.ModelChoiceField(
        label="Đợt thi đua",
        queryset=Campaign.objects.none(),
        required=False,
        help_text="Chỉ các đợt đã phát động hoặc đã kết thúc.",
    )
    person = forms.ModelChoiceField(
        label="Cá nhân (được khen thưởng trong đợt thi đua đã chọn)",
        queryset=Person.objects.none(),
        required=False,
        error_messages={
            "invalid_choice": "Chỉ chọn được người được khen thưởng trong đợt thi đua đã chọn."
        },
    )

    def __init__(self, *args, area: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.area = area
        self.fields["unit"].queryset = Unit.objects.filter(path__startswith=area.path).order_by(
            "path"
        )
        campaigns = story_choices.campaigns_of(area)
        self.fields["campaign"].queryset = campaigns
        # The people of the campaign chosen (posted, or the story's): the campaign field itself
        # refuses one outside ``campaigns``; a campaign's awards are within its issuer's area.
        chosen = self.data.get("campaign") if self.is_bound else self.initial.get("campaign")
        chosen = str(getattr(chosen, "pk", chosen) or "")
        self.fields["person"].queryset = story_choices.awarded_people(
            area, int(chosen) if chosen.isdigit() else None
        )
        if not chosen:
            self.fields["person"].error_messages["invalid_choice"] = (
                "Chọn đợt thi đua trước khi chọn cá nhân được khen thưởng."
            )
        self.fields["person"].label_from_instance = person_label
        url = reverse("portal:story_people")
        self.fields["campaign"].widget.attrs.update(
            {
                "hx-get": url,
                "hx-trigger": "change",
                "hx-target": "#id_person",
                "hx-swap": "outerHTML",
                "hx-include": "[name=tim_nguoi]",
            }
        )


def person_label(person: Person) -> str:
    return f"{person.full_name} – {person.unit.name}"


def _area(owner: Unit) -> Unit:
    """What a media centre writes about: the whole of its parent (the town or the ward)."""
    return owner.parent or owner


@login_required
def story_manage(request):
    stories = policy.stories_for(request.user)
    q = request.GET.get("q", "").strip()[:100]
    if q:
        stories = stories.filter(search_text__contains=ascii_key(q))
    status = request.GET.get("trang-thai", "")
    if status in StoryStatus.values:
        stories = stories.filter(status=status)
    listing = list_page(
        request,
        stories,
        sorts={"tieu-de": ["title"], "trang-thai": ["status"], "cap-nhat": ["updated_at"]},
        default="-cap-nhat",
        filters=["trang-thai"],
    )
    return render(
        request,
        "portal/manage.html",
        {
            "stories": listing.rows,
            "listing": listing,
            "q": q,
            "status": status,
            "statuses": StoryStatus.choices,
            "can_write": bool(policy.writer_units(request.user)),
        },
    )


@login_required
def story_edit(request, pk: int | None = None):
    story = policy.get_story_or_404(request.user, pk) if pk else None
    if story is None:
        units = policy.writer_units(request.user)
        if not units:
            raise PermissionDenied("Chỉ Trung tâm Truyền thông được viết bài.")
        story = Story(owner_unit=units[0])
    elif not policy.can_write(request.user, story):
        raise PermissionDenied("Chỉ Trung tâm Truyền thông được sửa bài.")
    initial = {
        f: getattr(story, f)
        for f in ("kind", "title", "summary", "body", "unit", "person", "campaign")
    }
    form = StoryForm(request.POST or None, area=_area(story.owner_unit), initial=initial)
    if story.pk:  # the photos the editor may put into the text
        form.fields["body"].widget.attrs["data-photos"] = json.dumps(
            [{"url": url, "caption": caption} for url, caption in services.photo_urls(story)]
        )
    if request.method == "POST" and form.is_valid():
        try:
            story = services.save_story(actor=request.user, story=story, **form.cleaned_data)
        except services.StoryError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Đã lưu bài viết.")
            return redirect("portal:story_detail", pk=story.pk)
    return render(request, "portal/story_form.html", {"form": form, "story": story})


@login_required
def story_detail(request, pk: int):
    story = policy.get_story_or_404(request.user, pk)
    return render(
        request,
        "portal/story_detail.html",
        {
            "story": story,
            "photos": story.photos.all(),
            "can_write": policy.can_write(request.user, story),
            "can_publish": policy.can_publish(request.user, story),
            "actions": policy.available_actions(request.user, story),
        },
    )


@login_required
@require_POST
def story_action(request, pk: int, action: str):
    story = policy.get_story_or_404(request.user, pk)
    try:
        services.move(
            actor=request.user, story=story, action=action, note=request.POST.get("note", "")
        )
    except services.StoryError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Đã thực hiện: {policy.TRANSITIONS[action].label}.")
    return redirect("portal:story_detail", pk=pk)


@login_required
@require_POST
def photo_upload(request, pk: int):
    story = policy.get_story_or_404(request.user, pk)
    uploaded = request.FILES.get("image")
    if uploaded is None:
        messages.error(request, "Chọn ảnh để tải lên.")
    else:
        try:
            services.add_photo(
                actor=request.user,
                story=story,
                uploaded=uploaded,
                caption=request.POST.get("caption", ""),
            )
        except services.StoryError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Đã thêm ảnh.")
    return redirect("portal:story_detail", pk=pk)


@login_required
def story_people(request):
    """The person select of the story form (HTMX): people awarded in the chosen campaign of
    the writer's area, filtered by the name typed."""
    units = policy.writer_units(request.user)
    if not units:
        raise PermissionDenied("Chỉ Trung tâm Truyền thông được viết bài.")
    area = _area(units[0])
    value = request.GET.get("campaign", "")
    campaign = (
        story_choices.campaigns_of(area).filter(pk=int(value)).first() if value.isdigit() else None
    )
    people = story_choices.search(
        story_choices.awarded_people(area, campaign), request.GET.get("tim_nguoi", "")
    )
    selected = request.GET.get("person", "")
    return render(
        request,
        "portal/_story_people.html",
        {
            "people": [(p.pk, person_label(p)) for p in people[: story_choices.MOST_PEOPLE]],
            "selected": int(selected) if selected.isdigit() else None,
            "campaign": campaign,
        },
    )
