"""Uploaded files on S3-compatible storage: a private bucket, reached only through the media view.

A module of its own so that boto3 is imported only where a bucket is configured
(``AWS_STORAGE_BUCKET_NAME``, see config/settings.py).
"""

from urllib.parse import urljoin

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name


class MediaS3Storage(S3Storage):
    """Uploaded files in a private S3 bucket, linked through the atlas's own media view.

    ``url()`` — what every page, serializer and the admin link — is the media view's address, so a
    file is always fetched through the visibility check; the view then redirects to
    ``signed_url()``, signed for ``AWS_QUERYSTRING_EXPIRE`` seconds. Signing is computed locally
    from the credentials and sends no request to S3 (tests/config/operations/test_uploads.py).
    The bucket itself stays private: the atlas never hands out an unsigned bucket address.
    """

    def url(self, name, parameters=None, expire=None, http_method=None):
        return urljoin(settings.MEDIA_URL, filepath_to_uri(name))

    def signed_url(self, name: str, *, content_type: str, disposition: str, cache_control: str) -> str:
        params = {
            "Bucket": self.bucket.name,
            "Key": self._normalize_name(clean_name(name)),
            # S3 answers with these instead of what it stored, so the file is as inert as at home.
            "ResponseContentType": content_type,
            "ResponseContentDisposition": disposition,
            "ResponseCacheControl": cache_control,
        }
        return self.connection.meta.client.generate_presigned_url(
            "get_object", Params=params, ExpiresIn=settings.AWS_QUERYSTRING_EXPIRE
        )
