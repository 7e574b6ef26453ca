from wagtail import hooks

from base.image_cards import CardOperation


@hooks.register("register_image_operations")
def register_card_operation():
    """``card-WxH`` renditions: exactly W × H, padded rather than upscaled (image_cards.py)."""
    return [("card", CardOperation)]
