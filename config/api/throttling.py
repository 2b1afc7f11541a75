"""Rate limits from settings, counted in the shared cache; a refusal is a 429 with Retry-After."""

from rest_framework import throttling
from rest_framework.settings import api_settings


class RatesFromSettings:
    def get_rate(self):
        # Read at request time, not import time, so a changed setting applies at once.
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class AnonThrottle(RatesFromSettings, throttling.AnonRateThrottle):
    pass


class UserThrottle(RatesFromSettings, throttling.UserRateThrottle):
    pass
