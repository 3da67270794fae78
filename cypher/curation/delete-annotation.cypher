// Deletes an annotation.
MATCH (a:Annotation {id: $id})
DELETE a
RETURN $id AS id
