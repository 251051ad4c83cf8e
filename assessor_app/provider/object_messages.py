"""What the provider says about its object store (codes ``objects.*``): a wrong option, a bucket
that is missing, keys refused, an endpoint that does not answer. Each names the endpoint and the
bucket, never a secret key."""

from __future__ import annotations

from assessor_app.i18n import Message

BAD_URL = Message("objects.bad_url",
                  "--object-store (or ASSESSOR_OBJECT_STORE) must be s3://BUCKET or 'folder', not '{value}'")
BAD_BUCKET = Message("objects.bad_bucket",
                     "'{bucket}' is not an S3 bucket name: 3-63 lower-case letters, digits, '.' or '-'")
BAD_ENDPOINT = Message("objects.bad_endpoint",
                       "--s3-endpoint (or ASSESSOR_S3_ENDPOINT) must be an http:// or https:// URL, "
                       "not '{value}'")
ENDPOINT_WITHOUT_STORE = Message(
    "objects.endpoint_without_store",
    "--s3-endpoint is given but the object store is the provider folder: add --object-store s3://BUCKET")
NO_BOTO3 = Message("objects.no_boto3",
                   "an S3 object store needs boto3: install the provider-scale extra "
                   "(pip install 'assessor-app[provider-scale]')")
UNREACHABLE = Message("objects.unreachable",
                      "the object store at {endpoint} (bucket {bucket}) cannot be reached: {detail}")
NO_BUCKET = Message("objects.no_bucket",
                    "the bucket {bucket} does not exist at {endpoint}: an administrator creates it "
                    "(the provider never creates buckets)")
KEYS_REFUSED = Message("objects.keys_refused",
                       "the object store at {endpoint} refused the provider's keys for bucket {bucket} "
                       "(access key {access_key}): check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
NO_KEYS = Message("objects.no_keys",
                  "there are no keys for the object store at {endpoint} (bucket {bucket}): set "
                  "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or an AWS profile)")
FAILED = Message("objects.failed",
                 "the object store at {endpoint} (bucket {bucket}) refused {action} of {key}: {detail}")
DAMAGED = Message("objects.damaged",
                  "{key} in the object store at {endpoint} (bucket {bucket}) is not what the bundle seals "
                  "(SHA-256 {actual}, sealed {sealed})")
