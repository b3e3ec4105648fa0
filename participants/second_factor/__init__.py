"""The optional second factor of sign-in (TOTP codes from an authenticator app, django-otp). Anyone may turn it on
for their account; a region can require it of its curators (`Region.second_factor_for_curators`)."""
