/// The JSON Schema (draft 2020-12) of `products.json`, shipped beside it in the output.
public enum ProductsSchema {
    public static let json = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "products.schema.json",
  "title": "Dinh products feed",
  "description": "Every OCOP product of a Dinh site with all its fields, in every language of the site.",
  "type": "object",
  "required": ["version", "site", "products"],
  "additionalProperties": false,
  "properties": {
    "$schema": {"type": "string", "description": "This schema's file name."},
    "version": {"const": 1, "description": "Format version; a change of meaning increases it."},
    "site": {
      "type": "object",
      "description": "The site the products belong to.",
      "required": ["title", "base_url", "languages", "currency"],
      "additionalProperties": false,
      "properties": {
        "title": {"$ref": "#/$defs/localized", "description": "The site's title per language."},
        "base_url": {"type": "string", "format": "uri", "description": "Absolute address of the site, ending in '/'."},
        "languages": {"type": "array", "items": {"$ref": "#/$defs/language"}, "minItems": 1, "description": "Language codes; the first is the default."},
        "currency": {"type": "string", "pattern": "^[A-Z]{3}$", "description": "ISO 4217 currency of every price."}
      }
    },
    "products": {"type": "array", "items": {"$ref": "#/$defs/product"}, "description": "Products, sorted by slug."}
  },
  "$defs": {
    "language": {"type": "string", "pattern": "^[a-z]{2,3}(-[A-Za-z0-9]+)*$", "description": "A language code such as 'vi' or 'en'."},
    "localized": {
      "type": "object",
      "description": "Text per language code; every site language is present (a missing translation falls back to the default language).",
      "propertyNames": {"$ref": "#/$defs/language"},
      "additionalProperties": {"type": "string"}
    },
    "product": {
      "type": "object",
      "required": ["id", "code", "sku", "slug", "name", "description", "description_html", "url", "qr_url", "category",
                   "product_type", "ocop", "price", "currency", "brand", "availability", "images", "buy", "producer"],
      "additionalProperties": false,
      "properties": {
        "id": {"type": "string", "minLength": 1, "maxLength": 50, "description": "The id used in marketplace feeds: 'sku', else 'code'."},
        "code": {"type": "string", "pattern": "^[A-Z0-9]{2,12}$", "description": "Permanent code printed on QR boards."},
        "sku": {"type": "string", "minLength": 1, "maxLength": 50, "description": "Stock-keeping unit; the code when not given."},
        "slug": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "description": "The product's folder name and page path."},
        "name": {"$ref": "#/$defs/localized", "description": "Product name."},
        "description": {"$ref": "#/$defs/localized", "description": "The product text as plain text (no markup, entities decoded), paragraphs separated by line breaks."},
        "description_html": {"$ref": "#/$defs/localized", "description": "The product text as safe HTML, as on the product page."},
        "url": {"$ref": "#/$defs/localized", "description": "Absolute address of the product page per language."},
        "qr_url": {"type": "string", "format": "uri", "description": "The permanent address printed in the product's QR code."},
        "category": {"enum": ["food", "beverage", "herbal", "handicraft", "ornamental", "tourism"], "description": "OCOP group (Decision 148/QĐ-TTg, 2023)."},
        "product_type": {"$ref": "#/$defs/localized", "description": "The OCOP group in words, as 'OCOP > group', per language."},
        "google_product_category": {"type": "integer", "description": "Google product taxonomy id, when the group maps to one."},
        "ocop": {
          "type": "object",
          "description": "The OCOP recognition.",
          "required": ["stars", "year", "expires", "valid"],
          "additionalProperties": false,
          "properties": {
            "stars": {"type": "integer", "minimum": 3, "maximum": 5, "description": "Star rating, 3 to 5."},
            "year": {"type": "integer", "description": "Year of recognition."},
            "date": {"type": "string", "format": "date", "description": "Date of the recognition decision, when known."},
            "decision": {"type": "string", "description": "Number of the recognition decision, e.g. '1234/QĐ-UBND'."},
            "expires": {"type": "string", "format": "date", "description": "Last day the certificate is valid."},
            "valid": {"type": "boolean", "description": "Whether the certificate was valid on the build date; the star mark may be shown only then."}
          }
        },
        "price": {"type": "integer", "exclusiveMinimum": 0, "description": "Price in whole units of 'currency'."},
        "sale_price": {"type": "integer", "exclusiveMinimum": 0, "description": "Reduced price, lower than 'price'."},
        "currency": {"type": "string", "pattern": "^[A-Z]{3}$", "description": "ISO 4217 currency of the prices."},
        "unit": {"$ref": "#/$defs/localized", "description": "Selling unit, e.g. 'hộp 300 g'."},
        "weight": {
          "type": "object",
          "description": "Shipping weight.",
          "required": ["value", "unit", "grams"],
          "additionalProperties": false,
          "properties": {
            "value": {"type": "number", "exclusiveMinimum": 0, "description": "As written in the content."},
            "unit": {"enum": ["g", "kg"], "description": "Unit of 'value'."},
            "grams": {"type": "number", "exclusiveMinimum": 0, "description": "The weight in grams."}
          }
        },
        "gtin": {"type": "string", "pattern": "^([0-9]{8}|[0-9]{12,14})$", "description": "GTIN (barcode number) with a verified check digit."},
        "brand": {"type": "string", "minLength": 1, "description": "Brand; the producer's name when none is given."},
        "availability": {"enum": ["in_stock", "out_of_stock", "preorder"], "description": "Stock status."},
        "images": {
          "type": "array",
          "description": "Photos in content order; the first is the main image.",
          "items": {
            "type": "object",
            "required": ["file"],
            "additionalProperties": false,
            "properties": {
              "file": {"type": "string", "description": "The source file name in the product's content folder."},
              "url": {"type": "string", "format": "uri", "description": "Absolute address of the published image."},
              "width": {"type": "integer", "minimum": 1, "description": "Published width in pixels."},
              "height": {"type": "integer", "minimum": 1, "description": "Published height in pixels."}
            }
          }
        },
        "buy": {
          "type": "object",
          "description": "Where the product is sold: marketplace name to product address.",
          "propertyNames": {"enum": ["shopee", "lazada", "tiki", "tiktok", "zalo"]},
          "additionalProperties": {"type": "string", "format": "uri"}
        },
        "producer": {
          "type": "object",
          "description": "Who makes the product.",
          "required": ["slug", "url"],
          "additionalProperties": false,
          "properties": {
            "slug": {"type": "string", "description": "The producer's file name (producers/<slug>.yaml)."},
            "name": {"$ref": "#/$defs/localized", "description": "The producer's name."},
            "kind": {"enum": ["cooperative", "enterprise", "household"], "description": "Cooperative (HTX), enterprise or household."},
            "url": {"$ref": "#/$defs/localized", "description": "Absolute address of the producer's page per language."}
          }
        }
      }
    }
  }
}

"""#
}
