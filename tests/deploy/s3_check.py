"""Run with the S3 settings (moto's server): a dossier file stored in the bucket through the
model's FileField and downloaded by its unit's officer through the page, then the database
change rolled back (`python -m tests.deploy.s3_check`). Prints JSON."""

import json

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.core.files.storage import default_storage, storages  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test import Client  # noqa: E402

from thidua.nominations.models import DossierDocument  # noqa: E402

PDF = b"%PDF-1.4\n% luu tren S3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


class Rollback(Exception):
    pass


result = {"storage": type(storages["default"]).__name__}
try:
    with transaction.atomic():
        document = DossierDocument.objects.select_related("dossier").get(
            pk=DossierDocument.objects.filter(dossier__unit__name="Xã Tả Van").values("pk")[:1]
        )
        document.file.save("giay-to-s3.pdf", ContentFile(PDF), save=True)
        result["name"] = document.file.name
        result["exists"] = default_storage.exists(document.file.name)
        result["signed_url"] = "X-Amz-Signature=" in default_storage.url(document.file.name)
        client = Client(HTTP_HOST="localhost")
        client.force_login(get_user_model().objects.get(username="tavan"))
        response = client.get(f"/ho-so/{document.dossier_id}/tai-lieu/{document.pk}/", secure=True)
        result["status"] = response.status_code
        result["downloaded"] = b"".join(response.streaming_content) == PDF
        raise Rollback
except Rollback:
    pass
print(json.dumps(result))
