"""``card-WxH``: an image filter (Wagtail rendition spec) that always gives exactly W × H pixels
without ever upscaling: for sharing cards (``card-1200x630``) and podcast art (``card-1400x1400``).

- A picture at least W × H is cropped to the ratio round its focal point and scaled down, as
  ``fill-WxH`` does.
- A smaller picture (a 320 × 320 portrait, a 1280 × 720 poster for a square) keeps its size (or
  is scaled down to fit) and is centred on a canvas of W × H in its own average colour: no
  blurred upscale, and no 320 × 168 crop of a face that ``fill-1200x630`` would give.

Registered with Wagtail's ``register_image_operations`` hook (kontum_site/wagtail_hooks.py);
the padding is a small Pillow operation on the Willow image.
"""

from PIL import Image as PILImage
from wagtail.images.image_operations import FillOperation, FilterOperation, ImageTransform
from willow.plugins.pillow import PillowImage


class CardOperation(FilterOperation):
    def construct(self, size):
        width, height = size.split("x")
        self.width, self.height = int(width), int(height)
        if self.width < 1 or self.height < 1:
            raise ValueError("card size must be at least 1x1")

    def run(self, willow, image, env):
        width, height = willow.get_size()
        if width >= self.width and height >= self.height:
            fill = FillOperation("fill", f"{self.width}x{self.height}")
            transform = fill.run(ImageTransform((width, height)), image)
            return willow.crop(transform.get_rect().round()).resize(transform.size)
        picture = willow.get_pillow_image() if hasattr(willow, "get_pillow_image") else willow.image
        picture = picture.convert("RGB")
        scale = min(1, self.width / width, self.height / height)
        if scale < 1:
            size = (max(1, round(width * scale)), max(1, round(height * scale)))
            picture = picture.resize(size, PILImage.Resampling.LANCZOS)
        background = picture.resize((1, 1), PILImage.Resampling.BOX).getpixel((0, 0))
        canvas = PILImage.new("RGB", (self.width, self.height), background)
        left = (self.width - picture.width) // 2
        top = (self.height - picture.height) // 2
        canvas.paste(picture, (left, top))
        return PillowImage(canvas)
