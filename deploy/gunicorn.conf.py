"""Gunicorn settings for Byline (``gunicorn -c deploy/gunicorn.conf.py 'app:create_app()'``).

Private links carry their secret in the URL path (``/f/<token>``,
``/manage/<token>``, ``/cal/<token>``, ``/join/<code>``). The access log
below writes ``[token]`` in their place, in the request line, the Referer
and every other field, so that whoever reads the logs cannot open anyone's
framework or dashboard. Any setting here can still be given on the command
line (``--workers 8``) or in ``GUNICORN_CMD_ARGS``.
"""

from gunicorn.glogging import Logger

from wizard.private_paths import mask

bind = "127.0.0.1:8000"
workers = 4
accesslog = "-"  # standard output; a file path works too
# The common log format plus the time taken, with masked fields.
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms'


class MaskingLogger(Logger):
    """Gunicorn's logger, with private links masked in every access-log field."""

    def atoms(self, resp, req, environ, request_time):
        """The access-log fields, each with private paths masked."""
        fields = super().atoms(resp, req, environ, request_time)
        return {
            name: mask(value) if isinstance(value, str) else value
            for name, value in fields.items()
        }


logger_class = MaskingLogger


def post_worker_init(worker):
    """Each worker loads the knowledge library and freezes its start-up objects
    before its first request (see `wizard.warm`)."""
    from wizard.warm import ready_for_traffic

    ready_for_traffic(worker.wsgi)
